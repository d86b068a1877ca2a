import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { describeBinding, readersOf, readPolicySnapshot, type PolicyChanges, type PolicySnapshot } from '@mutual-graph/policy';
import { POLICY_JSON_PATH } from '@mutual-graph/schema';

/**
 * The policy at a git ref: that commit's schema/policy.json (`git show`), as `npm run policy` wrote
 * it there. A path to a file is read as it is.
 */
export async function policyAt(refOrFile: string, repositoryRoot: string, path = relative(repositoryRoot, POLICY_JSON_PATH)): Promise<PolicySnapshot> {
  if (refOrFile.endsWith('.json')) return readPolicySnapshot(await readFile(refOrFile, 'utf8'), refOrFile);
  let json: string;
  try {
    json = execFileSync('git', ['show', `${refOrFile}:${path}`], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    const why = stderr?.trim().split('\n')[0];
    throw new Error(`no ${path} at ${refOrFile}${why ? ` (${why})` : ''}: a ref from before the policy snapshot existed cannot be compared`, { cause: error });
  }
  return readPolicySnapshot(json, `${refOrFile}:${path}`);
}

const code = (s: string) => `\`${s}\``;
const list = (items: readonly string[]) => (items.length > 0 ? items.map(code).join(', ') : '—');

/** The changes as Markdown, for a pull request: widenings first, then each kind of change that has any. */
export function changesAsMarkdown(changes: PolicyChanges, after: PolicySnapshot, labels: { before: string; after: string }): string {
  const lines = [`## Policy changes: ${labels.before} → ${labels.after}`, ''];
  if (changes.widenings.length === 0) lines.push('No widening: no purpose may read anything it could not before.', '');
  else
    lines.push(
      `**${changes.widenings.length} widening${changes.widenings.length === 1 ? '' : 's'}** (someone may read more; review before merging):`,
      '',
      ...changes.widenings.map((w) => `- ${w}`),
      '',
    );
  const section = (title: string, header: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    lines.push(`### ${title}`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };
  section(
    'Per purpose',
    ['purpose', 'gains', 'loses'],
    changes.reach.map((r) => [code(r.purpose), list(r.gains), list(r.loses)]),
  );
  section(
    'Matrix',
    ['purpose', 'change', 'widening'],
    changes.matrix.map((m) => [code(m.purpose), m.change, m.widening ? 'yes' : 'no']),
  );
  section(
    'Categories moved',
    ['field', 'from', 'to', 'widening'],
    changes.categoriesMoved.map((m) => [code(m.coordinate), m.from ?? 'not personal', m.to ?? 'not personal', m.widening ? 'yes' : 'no']),
  );
  section(
    'New fields',
    ['field', 'category', 'purposes that may read it'],
    changes.newFields.map((f) => [code(f.coordinate), f.category ?? 'not personal', f.category ? readersOf(after, f.coordinate).join(', ') || 'none' : 'every purpose']),
  );
  section(
    'Removed fields',
    ['field', 'category'],
    changes.removedFields.map((f) => [code(f.coordinate), f.category ?? 'not personal']),
  );
  if (changes.ediIsolation) {
    lines.push(
      '### EDI isolation',
      '',
      `EDI isolated from ${changes.ediIsolation.before.join(', ') || 'nothing'} → ${changes.ediIsolation.after.join(', ') || 'nothing'}${changes.ediIsolation.widening ? ' (widening)' : ''}.`,
      '',
    );
  }
  section(
    'Bindings',
    ['field', 'binding', 'change', 'widening'],
    changes.bindings.map((b) => [code(b.coordinate), `@${b.binding}`, describeBinding(b), b.widening ? 'yes' : 'no']),
  );
  section(
    'Derived fields',
    ['field', 'computed from categories before', 'after'],
    changes.derived.map((d) => [code(d.coordinate), d.before?.join(', ') ?? '(not derived)', d.after?.join(', ') ?? '(not derived)']),
  );
  return lines.join('\n');
}

/** The changes as JSON, for tools: everything `comparePolicies` found, and whether it widens. */
export const changesAsJson = (changes: PolicyChanges, labels: { before: string; after: string }) =>
  JSON.stringify({ before: labels.before, after: labels.after, widening: changes.widenings.length > 0, ...changes }, null, 2);
