import type { Core } from '@strapi/strapi';
import type controllers from '../controllers';

type Controllers = typeof controllers;

/** `controller.action` of a controller this plugin has: a misspelt handler fails to compile, not at boot. */
export type Handler = {
  [C in keyof Controllers]: `${C & string}.${keyof ReturnType<Controllers[C]> & string}`;
}[keyof Controllers];

/** A route of this plugin (Strapi's RouteInput, with a checked handler). */
export type PluginRoute = Omit<Core.RouteInput, 'handler'> & { handler: Handler };
