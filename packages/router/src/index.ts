// @wamux/router: many wamux providers as one. A router is itself a
// Provider: it routes each message to a provider that can carry it, keeps
// conversations with the provider that owns them, and fails over only when
// a send was certainly not sent.
export { createRouter, type RoutedSendResult, type RouteHealth, type Router, type RouterEvents } from './create-router';
export type { RouteChooser, RouteMember, RouterOptions, RouteStrategy, TemplateRoutes } from './options';
export type { BreakerOptions, CircuitState } from './breaker';
export { createMemoryRouteStore, type MemoryRouteStoreOptions, type RouteStore } from './route-store';
export { unionCapabilities } from './capabilities';
