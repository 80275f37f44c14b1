// Builds the Fastify app: security headers, cookies, Zod validation, OpenAPI, one error handler.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ERRORS } from '@gonghui/common';
import { requestEnded, requestStarted } from '../db/index.ts';
import { appErrorFromDb } from './db-errors.ts';
import { AppError, validationMessage } from './errors.ts';
import { loggerOptions, type LogStream } from './logger.ts';
import { collectRoutes } from './routes.ts';
import { compiledSerializerCompiler } from './serializer.ts';
import { staticSecurityHeaders } from './security-headers.ts';

export type App = FastifyInstance;

export interface HttpOptions {
  logLevel: string;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed; empty or absent: none. */
  trustProxy?: string[];
  /** Log destination instead of stdout (tests read what was logged). */
  logStream?: LogStream;
}

export async function createHttpApp(opts: HttpOptions) {
  const logger: FastifyServerOptions['logger'] = loggerOptions(opts.logLevel, opts.logStream);
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
    bodyLimit: 1024 * 1024,
    // The e-card check page carries its signed token in the path (/v/<token>, ~200 characters).
    routerOptions: { maxParamLength: 1024 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Tests run every answer through both serializers and require the same bytes (serializer.ts).
  app.setSerializerCompiler(compiledSerializerCompiler({ verify: process.env.NODE_ENV === 'test' }));
  collectRoutes(app);

  // API answers carry personal data: no browser or proxy may keep a copy (downloads and errors included).
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.cacheable) return;
    reply.header('cache-control', 'no-store');
    reply.header('pragma', 'no-cache');
  });

  const securityHeaders = staticSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  // onRequest, so a handler may still narrow one (attachments send a sandboxed CSP).
  // API requests in flight, which background work on the embedded database lets go first (platform/db/foreground).
  // A request ends once: answered, aborted by its client, or its socket closed, whichever is seen first.
  const inFlight = new WeakSet<object>();
  const ended = (req: object) => {
    if (inFlight.delete(req)) requestEnded();
  };
  app.addHook('onRequest', (req, reply, done) => {
    void reply.headers(securityHeaders);
    if (req.url.startsWith('/api/')) {
      inFlight.add(req);
      requestStarted();
      reply.raw.once('close', () => ended(req));
    }
    done();
  });
  app.addHook('onResponse', (req, _reply, done) => {
    ended(req);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    ended(req);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message }),
  });
  await app.register(swagger, {
    openapi: { info: { title: '工会工作平台 Gonghui API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      if (err.retryAfterSec !== undefined) void reply.header('retry-after', String(err.retryAfterSec));
      return reply.status(err.status).send({ code: err.code, message: err.message, field: err.field });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const { message, field } = validationMessage(
        err.validation.map((v) => ({
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? '',
          keys: unknownKeys(v.params),
        })),
        schemaOf(req.routeOptions.schema, err.validationContext),
      );
      return reply.status(400).send({ code: 'VALIDATION', message, field });
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message });
    if (e.statusCode === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500 && !isResponseSerializationError(err)) {
      return reply.status(400).send({ code: 'VALIDATION', message: '请求格式有误' });
    }
    const fromDb = appErrorFromDb(err);
    if (fromDb) {
      // Expected under concurrency; logged like any error (SQLSTATE and constraint, never values).
      req.log.warn({ err }, 'database conflict');
      return reply.status(fromDb.status).send({ code: fromDb.code, message: fromDb.message, field: fromDb.field });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: ERRORS.INTERNAL.message });
  });

  return app;
}

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;

/** The route's Zod schema for the part of the request that failed validation (body, querystring, params). */
function schemaOf(schemas: unknown, context: string | undefined): z.ZodType | undefined {
  if (!schemas || !context) return undefined;
  const s = (schemas as Record<string, unknown>)[context];
  return s instanceof z.ZodType ? s : undefined;
}

/** The keys of a Zod `unrecognized_keys` issue (fastify-type-provider-zod passes the extra fields as params). */
function unknownKeys(params: unknown): string[] | undefined {
  const keys = (params as { keys?: unknown } | undefined)?.keys;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : undefined;
}
