import register from './register';
import bootstrap from './bootstrap';
import routes from './routes';
import controllers from './controllers';
import services from './services';

export default {
  register,
  bootstrap,
  routes,
  controllers,
  services,
};
