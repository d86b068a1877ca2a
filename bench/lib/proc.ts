// What Linux's /proc says of a process: its CPU time and its memory, for the benchmark and the soak.
import { readdir, readFile } from 'node:fs/promises';

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

/** The fields of /proc/<pid>/stat after the command's name: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. */
async function statFields(pid: number): Promise<string[]> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * PostgreSQL's CPU time, clock ticks: the postmaster's own, that of the children it has already
 * reaped (cutime, cstime: backends that ended), and that of every child still running (backends,
 * WAL writer, checkpointer, autovacuum). A backend that ends between two readings moves from the
 * third term to the second, so the difference of two readings counts it once.
 */
export async function processTreeTicks(parentPid: number): Promise<number> {
  const parent = await statFields(parentPid);
  let ticks = Number(parent[11]) + Number(parent[12]) + Number(parent[13]) + Number(parent[14]);
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || entry === String(parentPid)) continue;
    // A process may end between the listing and the reading.
    const fields = await statFields(Number(entry)).catch(() => null);
    if (fields && Number(fields[1]) === parentPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/** The parent of a process (PostgreSQL's postmaster, from one of its backends' pids). */
export async function parentPid(pid: number): Promise<number> {
  return Number((await statFields(pid))[1]);
}

/** The whole machine's busy CPU time (every core, every process), clock ticks: /proc/stat's first line less idle, iowait and steal. */
export async function machineBusyTicks(): Promise<number> {
  const [, ...ticks] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq (guest and guest_nice are already in user and nice; steal is the hypervisor's).
  const [user, nice, system, , , irq, softirq] = ticks;
  return user + nice + system + irq + softirq;
}
