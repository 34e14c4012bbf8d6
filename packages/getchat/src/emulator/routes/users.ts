import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorRoute } from '@wamux/emulator';
import { apiBase, bodyOf, fieldErrors, notFound, ok, operationRoute, page } from './http';
import { userJson } from './serialize';
import type { EmulatedUser, OperationsEmulatorState } from './state';

/** `/users/`, `/groups/` and `/notifications/`: users with activation and passwords, groups, e-mail resend. */
export function userRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  const isAdmin = () => state.users.get(state.currentUserId)?.profile.role === 'admin';
  const forbidden = () => ({ status: 403, json: { detail: 'You do not have permission to perform this action.' } });

  /** Applies a PUT (`partial` false: required fields checked) or PATCH body to a user. */
  const applyUser = (user: EmulatedUser, body: Record<string, unknown>, partial: boolean) => {
    if (!partial) {
      const missing = ['username', 'email', 'permissions'].find((field) => body[field] === undefined);
      if (missing) return fieldErrors({ [missing]: 'This field is required.' });
    }
    if (typeof body.username === 'string') user.username = body.username;
    if (typeof body.first_name === 'string') user.first_name = body.first_name;
    if (typeof body.last_name === 'string') user.last_name = body.last_name;
    if (typeof body.email === 'string') user.email = body.email;
    const profile = body.profile as { role?: unknown } | undefined;
    if (typeof profile?.role === 'string') user.profile = { role: profile.role };
    if (Array.isArray(body.group_ids)) user.group_ids = body.group_ids.map(Number).filter((id) => state.groups.has(id));
    const permissions = body.permissions as Partial<EmulatedUser['permissions']> | undefined;
    if (permissions) user.permissions = { ...user.permissions, ...permissions };
    return undefined;
  };

  const update = (request: EmulatorRequest, partial: boolean) => {
    const user = state.users.get(Number(request.params.id));
    if (!user) return notFound();
    if (!isAdmin() && user.id !== state.currentUserId) return forbidden();
    const problem = applyUser(user, bodyOf(request), partial);
    return problem ?? ok(userJson(state, user, apiBase(request)));
  };

  return [
    operationRoute('listUsers', (request) =>
      page(
        request,
        [...state.users.values()].map((user) => userJson(state, user, apiBase(request))),
      ),
    ),
    operationRoute('createNewUser', (request) => {
      if (!isAdmin()) return forbidden();
      const body = bodyOf(request);
      if (typeof body.username !== 'string' || body.username === '') return fieldErrors({ username: 'This field is required.' });
      if ([...state.users.values()].some((user) => user.username === body.username))
        return fieldErrors({ username: 'A user with that username already exists.' });
      const id = state.nextId('user');
      const user: EmulatedUser = {
        id,
        username: body.username,
        first_name: typeof body.first_name === 'string' ? body.first_name : '',
        last_name: typeof body.last_name === 'string' ? body.last_name : '',
        email: typeof body.email === 'string' ? body.email : '',
        profile: { role: (body.profile as { role?: string } | undefined)?.role ?? 'user' },
        group_ids: [2],
        permissions: { can_use_tags: true, can_read_chats: 'all', can_write_to_chats: 'all' },
        activation_code: randomBytes(12).toString('hex'),
        is_active: false,
      };
      state.users.set(id, user);
      const base = apiBase(request);
      return ok({ ...userJson(state, user, base), activation_url: `${base}/users/activate/${user.activation_code}/` }, 201);
    }),
    // The activation URL createNewUser hands out (a link, so no credentials needed).
    {
      method: 'GET',
      pattern: '/users/activate/:code',
      public: true,
      handler: (request) => {
        const user = [...state.users.values()].find(
          (candidate) => candidate.activation_code !== undefined && candidate.activation_code === request.params.code,
        );
        if (!user) return notFound();
        user.is_active = true;
        user.activation_code = undefined;
        if (user.profile.role !== 'app') return ok({ detail: 'Account activated.' });
        const token = randomBytes(20).toString('hex');
        state.tokens.set(token, user.id);
        return ok({ token });
      },
    },
    operationRoute('retrieveCurrentUser', (request) => {
      const user = state.users.get(state.currentUserId);
      return user ? ok(userJson(state, user, apiBase(request))) : notFound();
    }),
    operationRoute('changeMyPassword', (request) => {
      const user = state.users.get(state.currentUserId);
      if (!user) return notFound();
      const body = bodyOf(request);
      if (typeof body.new_password !== 'string' || body.new_password === '') return fieldErrors({ new_password: 'This field is required.' });
      if (user.password !== undefined && body.current_password !== user.password) return fieldErrors({ current_password: 'Wrong password.' });
      user.password = body.new_password;
      return ok({});
    }),
    operationRoute('retrieveUser', (request) => {
      const user = state.users.get(Number(request.params.id));
      return user ? ok(userJson(state, user, apiBase(request))) : notFound();
    }),
    operationRoute('updateUser', (request) => update(request, false)),
    operationRoute('partialUpdateUser', (request) => update(request, true)),
    operationRoute('changeUserPassword', (request) => {
      if (!isAdmin()) return forbidden();
      const user = state.users.get(Number(request.params.id));
      if (!user) return notFound();
      const body = bodyOf(request);
      if (typeof body.password !== 'string' || body.password === '') return fieldErrors({ password: 'This field is required.' });
      user.password = body.password;
      return ok({});
    }),

    operationRoute('listGroups', (request) => page(request, [...state.groups.values()])),
    operationRoute('retrieveGroup', (request) => {
      const group = state.groups.get(Number(request.params.id));
      return group ? ok(group) : notFound();
    }),

    operationRoute('resendActivationEmailNotification', () => {
      state.activationEmailsResent += 1;
      return ok({});
    }),
  ];
}
