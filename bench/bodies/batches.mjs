// Builds an N-item batch from a captured single-message delivery: the first
// `messages` field found (an array, or a single object as Desk360 sends it)
// becomes N copies with distinct ids. URL and headers (the verification
// secret) are kept, so the batch verifies like the real delivery.

function findMessages(node, depth = 0) {
  if (node === null || typeof node !== 'object' || depth > 6) return undefined;
  if (!Array.isArray(node) && 'messages' in node && node.messages && typeof node.messages === 'object') return node;
  for (const value of Array.isArray(node) ? node : Object.values(node)) {
    const found = findMessages(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** An N-item batch of the vendor delivery `request` (a captured single message). */
export function batchOf(provider, request, count) {
  const body = JSON.parse(request.body);
  const holder = findMessages(body);
  if (!holder) throw new Error(`${provider}: no messages field in the captured delivery`);
  const first = Array.isArray(holder.messages) ? holder.messages[0] : holder.messages;
  holder.messages = Array.from({ length: count }, (_, i) => ({ ...first, id: typeof first.id === 'number' ? first.id + i : `${first.id}-${i}` }));
  return { ...request, body: JSON.stringify(body) };
}
