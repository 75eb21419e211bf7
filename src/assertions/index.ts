// Connectivity assertions: checking, and the CI file format.

export { checkAssertion, checkAssertions, endpointLabel, lbEndpointId, serviceIdOfLbEndpoint, type AssertionResult } from './check.ts';
export { exportAssertionsFile, parseAssertionsFile, resolveAssertions, type AssertionEntry, type ParsedAssertions, type ResolvedAssertions } from './file.ts';
