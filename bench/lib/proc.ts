// What Linux's /proc says of a process: its CPU time and its memory, for the benchmark and the soak.
import { readFile } from 'node:fs/promises';

/** User and system CPU time in clock ticks: fields 14 and 15 of /proc/<pid>/stat (100 ticks a second on Linux). */
export async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Resident set size, KiB. */
export async function rssKiB(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}
