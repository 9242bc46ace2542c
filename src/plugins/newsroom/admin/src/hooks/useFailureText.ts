import type { ApiFailure } from '../utils/apiError';
import { useMessage } from './useMessage';

/** What to tell the editor of a refused tag request: the missing permission on a 403, the server's own words otherwise. */
export function useFailureText() {
  const message = useMessage();
  return (error: ApiFailure) =>
    error.status === 403
      ? message('tagAdmin.forbidden', 'Your role may not manage tags: it needs the Newsroom “Manage tags” permission (Settings → Roles → Plugins → Newsroom).')
      : error.message;
}
