import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { policyAt } from '@mutual-graph/composition';
import { policySnapshot, type PolicySnapshot } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';

// The built command, as `npm run policy -- diff` runs it (the unit project runs after `npm run build`, as every test).
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'policy-cli.js');

async function diff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'diff', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run policy -- diff', () => {
  let dir: string;
  let current: PolicySnapshot;
  const file = async (name: string, change: (s: PolicySnapshot) => void) => {
    const snapshot = structuredClone(current);
    change(snapshot);
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(snapshot));
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-diff-'));
    current = policySnapshot(await readFile(SUPERGRAPH_PATH, 'utf8'));
  });

  it('exits 1 on a widening (a purpose given a category), naming it, and 0 when --allow-widening says it is intended', async () => {
    const before = await file('before.json', () => {});
    const after = await file('after.json', (s) => (s.matrix.COMMUNICATIONS.categories = [...s.matrix.COMMUNICATIONS.categories, 'FINANCIAL']));
    const caught = await diff(before, after);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain('- COMMUNICATIONS may read FINANCIAL');
    expect(caught.stderr).toContain('--allow-widening');
    const intended = await diff(before, after, '--allow-widening');
    expect(intended.code).toBe(0);
    expect(intended.stdout).toContain('COMMUNICATIONS may read FINANCIAL');
  });

  it('exits 0 on a narrowing, listing what each purpose loses', async () => {
    const before = await file('before.json', () => {});
    const after = await file('narrower.json', (s) => (s.matrix.COMMUNICATIONS.categories = s.matrix.COMMUNICATIONS.categories.filter((c) => c !== 'CONTACT')));
    const narrowed = await diff(before, after);
    expect(narrowed.code).toBe(0);
    expect(narrowed.stdout).toContain('No widening');
    expect(narrowed.stdout).toMatch(/\| `COMMUNICATIONS` \| — \| .*`Contact\.email`/);
  });

  it('catches a field moved to a wider category and a binding removed, as JSON for tools', async () => {
    const before = await file('before.json', () => {});
    const after = await file('moved.json', (s) => {
      s.fields['Member.medicoLegalHistory'] = 'PROFILE';
      delete s.bindings.purposeBound['Query.matterStatistics'];
    });
    const { code, stdout } = await diff(before, after, '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { widening: boolean; categoriesMoved: unknown[]; bindings: unknown[] };
    expect(json.widening).toBe(true);
    expect(json.categoriesMoved).toEqual([{ coordinate: 'Member.medicoLegalHistory', from: 'MEDICO_LEGAL', to: 'PROFILE', widening: true }]);
    expect(json.bindings).toEqual([expect.objectContaining({ coordinate: 'Query.matterStatistics', binding: 'onlyForPurposes', after: null, widening: true })]);
  });

  it('refuses a file that names a category the vocabulary does not have (exit 2), rather than reading it as a narrowing', async () => {
    const before = await file('before.json', () => {});
    const typo = await file('typo.json', (s) => (s.matrix.EDUCATION.categories = ['PROFILE', 'CONTACT', 'LEARNIG' as never]));
    const refused = await diff(before, typo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('EDUCATION: unknown category LEARNIG');
  });

  it("reads the policy at a git ref from that commit's schema/policy.json", async () => {
    const repo = join(dir, 'repo');
    await mkdir(join(repo, 'schema'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    const older = structuredClone(current);
    older.matrix.EDUCATION.categories = ['PROFILE'];
    await writeFile(join(repo, 'schema', 'policy.json'), JSON.stringify(older));
    git('add', '.');
    git('commit', '-qm', 'older policy');
    await writeFile(join(repo, 'schema', 'policy.json'), JSON.stringify(current));
    expect((await policyAt('HEAD', repo, 'schema/policy.json')).matrix.EDUCATION.categories).toEqual(['PROFILE']);
    await expect(policyAt('no-such-ref', repo, 'schema/policy.json')).rejects.toThrow(/no schema\/policy.json at no-such-ref/);
  });

  it('prints its usage with --help and exits 0; a missing ref is a usage error (exit 2)', async () => {
    const help = await diff('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: npm run policy -- diff');
    expect((await diff()).code).toBe(2);
  });
});
