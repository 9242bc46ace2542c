import request from 'supertest';
import type { TestApp } from './strapi';

export const PASSWORD = 'Newsroom-test-1';
export const SUPER_ADMIN_EMAIL = 'chief@newsroom.test';

async function login(app: Pick<TestApp, 'strapi' | 'server'>, email: string): Promise<string> {
  const res = await request(app.server).post('/admin/login').send({ email, password: PASSWORD }).expect(200);
  return res.body.data.token;
}

/** Registers the first administrator (a super admin) and returns an admin JWT. */
export async function superAdminToken(app: Pick<TestApp, 'strapi' | 'server'>): Promise<string> {
  const email = SUPER_ADMIN_EMAIL;
  await request(app.server)
    .post('/admin/register-admin')
    .send({ firstname: 'Chief', lastname: 'Editor', email, password: PASSWORD })
    .expect(200);
  return login(app, email);
}

/** An admin user whose only role grants exactly `actions`; returns its JWT. */
export async function editorToken(app: Pick<TestApp, 'strapi' | 'server'>, name: string, actions: string[]): Promise<string> {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: `test role ${name}` });
  await roles.assignPermissions(role.id, actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })));
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@newsroom.test`;
  await app.strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: 'Test',
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
  });
  return login(app, email);
}
