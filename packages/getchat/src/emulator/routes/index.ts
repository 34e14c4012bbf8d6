import type { EmulatorRoute } from '@wamux/emulator';
import { chatRoutes } from './chats';
import { contentRoutes } from './content';
import { peopleRoutes } from './people';
import { settingsRoutes } from './settings';
import { createOperationsEmulatorState, type OperationsEmulatorState } from './state';
import { statusRoutes } from './status';
import { tagRoutes } from './tags';
import { userRoutes } from './users';

/**
 * The emulator routes of the operation groups (persons, contacts, chats,
 * tags and taggings, assignment, saved responses, templates, settings, users,
 * groups, notifications, WABA webhooks, health, WABA errors, FCM tokens), on
 * the default paths of the path table.
 *
 * Pass a `state` to share it with the rest of the emulator (seed templates,
 * record messages so persons and chats exist, reset); without one the routes
 * keep their own.
 */
export function operationRoutes(state: OperationsEmulatorState = createOperationsEmulatorState()): EmulatorRoute[] {
  return [
    ...peopleRoutes(state),
    ...chatRoutes(state),
    ...tagRoutes(state),
    ...contentRoutes(state),
    ...settingsRoutes(state),
    ...userRoutes(state),
    ...statusRoutes(state),
  ];
}

export { createOperationsEmulatorState, templateFromSeed, EMULATOR_ADMIN_ID } from './state';
export type { OperationsEmulatorState, EmulatedUser, EmulatedChat, RecordedChatMessage, WebhookTestDelivery } from './state';
