import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../../shared/constants';
import type { PluginRoute } from './handler';

const allowed = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

// Served without the /api prefix, to admin users only (admin JWT).
const routes: PluginRoute[] = [
  { method: 'GET', path: '/excerpt/settings', handler: 'excerpt.getSettings', config: allowed(ACTIONS.read) },
  { method: 'PUT', path: '/excerpt/settings', handler: 'excerpt.updateSettings', config: allowed(ACTIONS.settings) },
  { method: 'DELETE', path: '/excerpt/settings', handler: 'excerpt.resetSettings', config: allowed(ACTIONS.settings) },
  // Any editor who can open the edit view may preview what the API will serve.
  { method: 'POST', path: '/excerpt/preview', handler: 'excerpt.preview', config: { policies: ['admin::isAuthenticatedAdmin'] } },
  { method: 'GET', path: '/excerpt/regenerate', handler: 'excerpt.regenerationStatus', config: allowed(ACTIONS.read) },
  { method: 'POST', path: '/excerpt/regenerate', handler: 'excerpt.startRegeneration', config: allowed(ACTIONS.settings) },
  // The JSON body may be up to twice the document limit (config/middlewares.ts); the document itself is checked by the handler.
  { method: 'POST', path: '/import', handler: 'document-import.import', config: allowed(ACTIONS.import) },
  // The import page (import) and the excerpts page (read) both check their forms with these:
  // admin::hasPermissions requires every action listed, so the handler asks for any one of the plugin's.
  // The webhooks themselves are Strapi's (/admin/webhooks, its own permissions); what was sent to them is ours.
  { method: 'GET', path: '/webhooks/deliveries', handler: 'webhook-deliveries.list', config: allowed(ACTIONS.read) },
  { method: 'GET', path: '/tags', handler: 'tag-admin.find', config: allowed(ACTIONS.tags) },
  { method: 'POST', path: '/tags/merge', handler: 'tag-admin.merge', config: allowed(ACTIONS.tags) },
  { method: 'PUT', path: '/tags/:slug', handler: 'tag-admin.rename', config: allowed(ACTIONS.tags) },
  { method: 'DELETE', path: '/tags/:slug', handler: 'tag-admin.remove', config: allowed(ACTIONS.tags) },
  { method: 'GET', path: '/redirects', handler: 'redirects.adminFind', config: allowed(ACTIONS.tags) },
  { method: 'GET', path: '/settings/limits', handler: 'limits.get', config: { policies: ['admin::isAuthenticatedAdmin'] } },
];

export default (): Core.RouterInput => ({ type: 'admin', routes });
