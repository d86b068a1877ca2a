// A worker thread of `loadSeed`: generates one part of the synthetic population's rows.
import { runSeedWorker } from './seeding/seed-files.js';
import { DATABASE_OWNERS } from './subgraphs.js';

runSeedWorker((options) => Object.fromEntries(DATABASE_OWNERS.map((owner) => [owner.name, owner.seed(options)])));
