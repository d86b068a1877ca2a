import { selects, type KubernetesObject, type LabelSelector } from './kubernetes-manifests.js';

/** One side of a connection: a pod of the namespace (by its labels), or an address outside the cluster. */
export type Party = { pod: Record<string, string> } | { address: string };

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: { protocol?: string; port?: number | string }[];
}
interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

const ipv4 = (address: string) => address.split('.').reduce((n, part) => n * 256 + Number(part), 0);

/** Whether an IPv4 address lies in a CIDR block. */
export function inCidr(address: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(base) / size);
}

/** Whether a rule's peer is this party: pods of this namespace by podSelector alone (another namespace never is), an address by ipBlock. */
function peerIs(peer: PolicyPeer, party: Party): boolean {
  if ('address' in party) return peer.ipBlock !== undefined && inCidr(party.address, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(party.address, c));
  if (peer.ipBlock || peer.namespaceSelector) return false;
  return selects(peer.podSelector ?? {}, party.pod);
}

/** Whether a rule admits this party on this TCP port (no `from`/`to`: every party; no `ports`: every port). */
function ruleAdmits(rule: PolicyRule, peers: PolicyPeer[] | undefined, party: Party, port: number): boolean {
  const portOk = !rule.ports || rule.ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && (p.port === undefined || p.port === port));
  return portOk && (!peers || peers.some((peer) => peerIs(peer, party)));
}

/** The policies of a direction that select a pod: none, and that direction is open for it (the Kubernetes default). */
function isolating(policies: KubernetesObject[], pod: Record<string, string>, direction: 'Ingress' | 'Egress') {
  return policies.map((p) => p.spec as unknown as PolicySpec).filter((spec) => selects(spec.podSelector, pod) && (spec.policyTypes ?? ['Ingress']).includes(direction));
}

/** Whether the source's egress policies let it open a TCP connection to `to` on `port` (an address outside has none of its own). */
export function egressAllows(policies: KubernetesObject[], from: Party, to: Party, port: number): boolean {
  if ('address' in from) return true;
  const applying = isolating(policies, from.pod, 'Egress');
  return applying.length === 0 || applying.some((spec) => (spec.egress ?? []).some((rule) => ruleAdmits(rule, rule.to, to, port)));
}

/** Whether the target's ingress policies admit a TCP connection from `from` on `port`. */
export function ingressAllows(policies: KubernetesObject[], from: Party, to: Party, port: number): boolean {
  if ('address' in to) return true;
  const applying = isolating(policies, to.pod, 'Ingress');
  return applying.length === 0 || applying.some((spec) => (spec.ingress ?? []).some((rule) => ruleAdmits(rule, rule.from, from, port)));
}

/** Whether NetworkPolicies let `from` connect to `to` on `port`: both the source's egress and the target's ingress must allow it. Named ports are not used here. */
export function allowed(policies: KubernetesObject[], from: Party, to: Party, port: number): boolean {
  return egressAllows(policies, from, to, port) && ingressAllows(policies, from, to, port);
}

/** Whether a pod may reach the cluster's DNS (kube-dns in kube-system) on port 53. */
export function reachesDns(policies: KubernetesObject[], pod: Record<string, string>): boolean {
  const applying = isolating(policies, pod, 'Egress');
  if (applying.length === 0) return true;
  return applying.some((spec) =>
    (spec.egress ?? []).some(
      (rule) =>
        (rule.ports ?? []).some((p) => p.port === 53 && p.protocol === 'UDP') &&
        (rule.to ?? []).some(
          (peer) => selects(peer.namespaceSelector ?? { matchLabels: { '-': '-' } }, { 'kubernetes.io/metadata.name': 'kube-system' }) && selects(peer.podSelector ?? {}, { 'k8s-app': 'kube-dns' }),
        ),
    ),
  );
}
