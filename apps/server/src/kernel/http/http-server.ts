import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { HttpMetrics } from '../metrics.ts';
import { buildProblem, notFoundRouteText, sendProblem, toProblem } from './problem.ts';
import type { App } from './types.ts';
import { enforceAccess, PUBLIC, trackRouteAccess, type AccessGuard } from './access.ts';
import { computeSecurityHeaders, SECURITY_HEADERS_OPTIONS } from './security-headers.ts';
import { hasWebApp, serveWebApp, wantsWebPage } from './web-app.ts';

export type HttpServerOptions = {
  logger: Logger;
  rateLimit: { max: number; windowMs: number };
  metrics: HttpMetrics;
  version: string;
  /** Who may call non-public routes (implemented by the identity module). */
  accessGuard?: () => AccessGuard | undefined;
  /** The built web app to serve at '/', when present. */
  webDistDir?: string | undefined;
  /** Reverse proxies whose X-Forwarded-For is believed (none by default). */
  trustProxy?: readonly string[];
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const UNLIMITED_PREFIXES = ['/docs', '/healthz', '/readyz', '/metrics', '/openapi.json', '/assets/'];

/**
 * The HTTP kernel: Zod validation and serialisation, OpenAPI 3.1, problem+json errors, request ids,
 * security headers, rate limiting and metrics. Modules add routes to the returned instance.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<App> {
  const app = Fastify({
    // pino's Logger and Fastify's logger type differ only in typing; the instance is the same.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: options.logger as FastifyBaseLogger,
    // A caller's id is kept for tracing across agencies, when it looks like an id.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: 'array' } },
  }).withTypeProvider<ZodTypeProvider>();

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it (typed provider vs plain instance)
  trackRouteAccess(app as unknown as FastifyInstance);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- as above
  enforceAccess(app as unknown as FastifyInstance, options.accessGuard ?? (() => undefined));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  options.metrics.instrument(app as unknown as FastifyInstance);

  const securityHeaders = computeSecurityHeaders(SECURITY_HEADERS_OPTIONS);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
  });

  await app.register(rateLimit, {
    max: options.rateLimit.max,
    timeWindow: options.rateLimit.windowMs,
    allowList: (request) => UNLIMITED_PREFIXES.some((prefix) => request.url.startsWith(prefix)),
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, message: `retry after ${context.after}` }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Congso API',
        description:
          'Congso (công sở số): the open digital-government platform. Errors follow RFC 9457 (application/problem+json) with Vietnamese and English messages.',
        version: options.version,
        license: { name: 'AGPL-3.0-or-later' },
      },
      tags: [
        { name: 'system', description: 'Health, readiness, metrics' },
        { name: 'geo', description: 'Đơn vị hành chính — administrative units' },
        { name: 'calendar', description: 'Lịch làm việc — working days and deadlines' },
        { name: 'catalog', description: 'Thủ tục hành chính — procedure catalogue' },
        { name: 'agencies', description: 'Cơ quan — agencies' },
        { name: 'identity', description: 'Định danh — identity; OpenID Provider at /oidc' },
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (access token for the audience <PUBLIC_URL>/api)' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.get('/openapi.json', { config: PUBLIC, schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });

  const webApp = hasWebApp(options.webDistDir);
  if (webApp && options.webDistDir) await serveWebApp(app, options.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    if (webApp && wantsWebPage(request.method, request.url, request.headers.accept)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(reply, buildProblem(404, 'route.not_found', notFoundRouteText, { instance: request.url, requestId: String(request.id) }));
  });

  return app;
}
