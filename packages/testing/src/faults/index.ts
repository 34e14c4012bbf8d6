// Fault injection: a loopback proxy that fails a seeded share of requests
// the ways networks and vendors do, to test what a send reports.
export { createFaultProxy, FAULT_KINDS, type FaultKind, type FaultProxy, type FaultProxyOptions, type FaultRecord } from './fault-proxy';
export { seededRandom } from './seeded-random';
