// Entry of the parsing worker: TypeScript is run from source (tsx), also when the parent is a test runner
// whose own loader does not reach worker threads.
import { register } from 'tsx/esm/api';

register();
await import('./xlsx-worker.ts');
