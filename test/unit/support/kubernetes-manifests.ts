import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

/** What these tests read of a rendered Kubernetes object; every object is also checked whole against its published schema. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * The objects `kubectl kustomize <dir>` renders. kubectl (with its built-in Kustomize) is the one
 * renderer people apply these with; without it on PATH this fails, saying so, rather than passing unchecked.
 */
export function kustomize(dir: string): KubernetesObject[] {
  let text: string;
  try {
    text = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new Error('kubectl is not on PATH: these tests render deploy/kubernetes with `kubectl kustomize` (Kustomize v5); install kubectl', { cause: error });
    throw new Error(`kubectl kustomize ${dir} failed: ${failure.stderr || failure.message}`, { cause: error });
  }
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as KubernetesObject;
  });
}

/** A model class of kubernetes-models: built from an object, it checks it against the Kubernetes OpenAPI schema of its kind. */
type Model = new (data: unknown) => { validate(): void };

/**
 * Why an object is not valid for its kind, as the published Kubernetes schema says (kubernetes-models'
 * validators, generated from the OpenAPI), or undefined. A kind it does not know is an error too.
 */
export async function schemaErrors(object: KubernetesObject): Promise<string | undefined> {
  const models = (await import(`kubernetes-models/${object.apiVersion}`).catch(() => ({}))) as Record<string, Model>;
  const model = models[object.kind];
  if (!model) return `no published schema for ${object.apiVersion} ${object.kind}`;
  try {
    new model(object).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The objects of a kind. */
export const ofKind = <T extends KubernetesObject = KubernetesObject>(objects: KubernetesObject[], kind: string) => objects.filter((o) => o.kind === kind) as T[];

/** A label selector (matchLabels and matchExpressions), as the API reads one. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** Whether a selector selects these labels; the empty selector selects everything. */
export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const labelled = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return (
    labelled &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      if (operator === 'In') return key in labels && values.includes(labels[key]);
      if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key]);
      if (operator === 'Exists') return key in labels;
      return !(key in labels);
    })
  );
}

/** A quantity (`100m`, `2`, `256Mi`, `1Gi`) as a number of cores or bytes, to compare requests with limits. */
export function quantity(text: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|Ki|Mi|Gi)?$/.exec(String(text));
  if (!match) throw new Error(`not a quantity these tests read: ${text}`);
  const scale = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * scale;
}
