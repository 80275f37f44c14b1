import { z } from 'zod';
import { ZRole, ZRoleCreate, ZUser, ZUserCreate, ZUserListQuery, ZUserUpdate, page, zId } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentRole, presentUser } from './users.presenter.ts';
import type { UserService } from './users.service.ts';

const ZIdParams = z.strictObject({ id: zId });

export function registerUserRoutes(app: HttpApp, svc: UserService): void {
  app.post('/api/v1/users', {
    schema: { operationId: 'createUser', tags: ['users'], body: ZUserCreate, response: { 201: ZUser } },
    config: { permission: 'user:manage' },
    handler: async (req, reply) => reply.status(201).send(presentUser(await svc.create(ctxOf(req), req.body))),
  });
  app.get('/api/v1/users', {
    schema: { operationId: 'listUsers', tags: ['users'], querystring: ZUserListQuery, response: { 200: page(ZUser) } },
    config: { permission: 'user:read' },
    handler: async (req) => {
      const { q, orgId, page: p, pageSize } = req.query;
      const res = await svc.list(ctxOf(req), q, orgId, p, pageSize);
      return { items: res.items.map(presentUser), total: res.total, page: p, pageSize };
    },
  });
  app.get('/api/v1/users/:id', {
    schema: { operationId: 'getUser', tags: ['users'], params: ZIdParams, response: { 200: ZUser } },
    config: { permission: 'user:read', scope: { id: 'user' } },
    handler: async (req) => presentUser(await svc.get(ctxOf(req), req.params.id)),
  });
  app.patch('/api/v1/users/:id', {
    schema: { operationId: 'updateUser', tags: ['users'], params: ZIdParams, body: ZUserUpdate, response: { 200: ZUser } },
    config: { permission: 'user:manage', scope: { id: 'user' } },
    handler: async (req) => presentUser(await svc.update(ctxOf(req), req.params.id, req.body)),
  });
  app.get('/api/v1/roles', {
    schema: { operationId: 'listRoles', tags: ['roles'], response: { 200: z.object({ items: z.array(ZRole) }) } },
    config: { permission: 'role:read' },
    handler: async (req) => ({ items: (await svc.roles(ctxOf(req))).map(presentRole) }),
  });
  app.post('/api/v1/roles', {
    schema: { operationId: 'createRole', tags: ['roles'], body: ZRoleCreate, response: { 201: ZRole } },
    config: { permission: 'role:manage' },
    handler: async (req, reply) => reply.status(201).send(presentRole(await svc.createRole(ctxOf(req), req.body))),
  });
}
