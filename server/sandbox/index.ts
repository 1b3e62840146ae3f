export {
  createSandbox,
  DEFAULT_SANDBOX_API_KEY,
  SANDBOX_BEARER_PREFIX,
  type Sandbox,
  type SandboxOptions,
  type SandboxRequest,
  type SandboxResult,
} from './core.ts';
export {
  createSandboxServer,
  sandboxMiddleware,
  writeSandboxResult,
  type SandboxMiddleware,
  type SandboxServer,
} from './http.ts';
export { SEED, SEED_WORKSPACE_ID, buildSeed, largeQuestionSetId } from './seed.ts';
export { defaultFaultBody, type Fault } from './faults.ts';
