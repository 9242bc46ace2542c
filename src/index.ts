import type { Core } from '@strapi/strapi';

export default {
  register() {},

  // Runs after every plugin's bootstrap, so users-permissions has created its
  // roles by now (the newsroom plugin's own bootstrap runs too early for that).
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('newsroom').service('public-permissions').sync();
  },
};
