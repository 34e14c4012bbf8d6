import { isBsuid, isParentBsuid, type Customer, type CustomerAddress } from '@wamux/core/adapter';
import type { SimulatedCustomer } from './types';

/**
 * The customer a simulated message or status describes, as the model will
 * carry it: `address` (a phone number or a BSUID) fills the identifier of
 * its kind, `extra` adds the rest (a BSUID beside a phone number, the parent
 * BSUID, the username), `name` is the profile name. Emulators encode this
 * customer in their vendor's shape; tests compare the parsed
 * `message.customer` with it.
 */
export function simulatedCustomer(address: CustomerAddress, extra: SimulatedCustomer = {}, name?: string): Customer {
  const customer: Customer = {};
  const phone = extra.phone ?? (isBsuid(address) ? undefined : address);
  const bsuid = extra.bsuid ?? (isBsuid(address) && !isParentBsuid(address) ? address : undefined);
  const parentBsuid = extra.parentBsuid ?? (isParentBsuid(address) ? address : undefined);
  if (phone !== undefined) customer.phone = phone;
  if (bsuid !== undefined) customer.bsuid = bsuid;
  if (parentBsuid !== undefined) customer.parentBsuid = parentBsuid;
  if (extra.username !== undefined) customer.username = extra.username;
  if (name !== undefined && name !== '') customer.name = name;
  if (extra.previous !== undefined) customer.previous = extra.previous;
  return customer;
}
