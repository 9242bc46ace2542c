export const PLUGIN_ID = 'newsroom';
