// npm run bench:page: BENCHMARKS.md written again from the result files already in bench/results/
// (the latest of each kind), without measuring anything: after a merge, or a change to a section's wording.
import { writeBenchmarksPage } from './lib/report.ts';

await writeBenchmarksPage(import.meta.dirname);
console.log('BENCHMARKS.md written from bench/results/');
