// The admin REST API, to set up users and roles without clicking through Settings.

export const PASSWORD = 'Newsroom-e2e-1';

/** A JSON request to the server's admin or content API (`token`: an admin JWT); throws on any status but 2xx. */
export async function call<T>(url: string, method: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** The first administrator (a super admin); returns its JWT. */
export async function registerSuperAdmin(server: string, email: string): Promise<string> {
  const { data } = await call<{ data: { token: string } }>(`${server}/admin/register-admin`, 'POST', {
    firstname: 'Chief',
    lastname: 'Editor',
    email,
    password: PASSWORD,
  });
  return data.token;
}

/** An active admin user whose only role grants exactly `actions` (no subject); returns its JWT. */
export async function createEditor(server: string, adminToken: string, email: string, actions: string[]): Promise<string> {
  const { data: role } = await call<{ data: { id: number } }>(`${server}/admin/roles`, 'POST', { name: `Role of ${email}`, description: 'e2e' }, adminToken);
  await call(
    `${server}/admin/roles/${role.id}/permissions`,
    'PUT',
    { permissions: actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })) },
    adminToken,
  );
  const { data: user } = await call<{ data: { registrationToken: string } }>(
    `${server}/admin/users`,
    'POST',
    { firstname: 'Junior', lastname: 'Editor', email, roles: [role.id] },
    adminToken,
  );
  const { data } = await call<{ data: { token: string } }>(`${server}/admin/register`, 'POST', {
    registrationToken: user.registrationToken,
    userInfo: { firstname: 'Junior', lastname: 'Editor', password: PASSWORD },
  });
  return data.token;
}
