import { PASSWORD, SUPER_ADMIN_EMAIL } from './admin';

/** Logs the super admin (registered by superAdminToken) in on the server at `base`; returns an admin JWT. */
export async function superAdminLogin(base: string): Promise<string> {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: SUPER_ADMIN_EMAIL, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`admin login: ${res.status} ${await res.text()}`);
  const { data } = (await res.json()) as { data: { token: string } };
  return data.token;
}

/** What the admin API's Roles page reads and writes of a role: its permission tree, by type, controller and action. */
interface RoleDetail {
  name: string;
  description: string;
  permissions: Record<string, { controllers: Record<string, Record<string, { enabled: boolean }>> }>;
}

/**
 * Grants or withdraws one content-API action (`plugin::newsroom.health.index`)
 * of a users-permissions role (`public`, `authenticated`), as the admin
 * panel's Roles page does: the role's whole permission tree, read and
 * written back through the admin API.
 */
export async function setRolePermission(base: string, adminToken: string, roleType: string, action: string, enabled: boolean): Promise<void> {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    });
    if (res.status !== 200) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { roles } = await call<{ roles: Array<{ id: number; type: string }> }>('/users-permissions/roles');
  const found = roles.find((role) => role.type === roleType);
  if (!found) throw new Error(`no users-permissions role of type ${roleType}`);
  const { role } = await call<{ role: RoleDetail }>(`/users-permissions/roles/${found.id}`);
  // As users-permissions reads its actions: `<type>.<controller>.<action>`.
  const [type, controller, name] = action.split('.');
  role.permissions[type].controllers[controller][name].enabled = enabled;
  await call(`/users-permissions/roles/${found.id}`, {
    method: 'PUT',
    body: JSON.stringify({ name: role.name, description: role.description, permissions: role.permissions }),
  });
}
