// @wamux/redis: the wamux stores on Redis, shared by every process of an
// app: the rate limit, webhook dedupe, status order, the customer-service
// window and the router's routes. The app passes its
// own client (ioredis or node-redis); the stores never open or close it.
export { createRedisRateLimitStore, type RedisRateLimitStore, type RedisRateLimitStoreOptions } from './rate-limit/redis-rate-limit-store';
export { createRedisDedupeStore, DEFAULT_DONE_TTL, type RedisDedupeStore, type RedisDedupeStoreOptions } from './dedupe/redis-dedupe-store';
export { createRedisStatusOrderStore, type RedisStatusOrderStore, type RedisStatusOrderStoreOptions } from './status-order/redis-status-order-store';
export {
  createRedisCustomerWindowStore,
  type RedisCustomerWindowStore,
  type RedisCustomerWindowStoreOptions,
} from './customer-window/redis-customer-window-store';
export { createRedisRouteStore, DEFAULT_ROUTE_TTL, type RedisRouteStore, type RedisRouteStoreOptions } from './route/redis-route-store';
export { toRedisPort, type IoRedisLike, type NodeRedisClusterLike, type NodeRedisLike, type RedisClientLike, type RedisPort } from './client/port';
export { connectRedisStores, type RedisStores, type RedisStoresOptions } from './connect';
export type { RedisStoreEvents } from './client/guard';
export type { RedisStoreOptions } from './options';
