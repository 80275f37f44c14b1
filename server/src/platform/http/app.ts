// Builds the Fastify app: security headers, cookies, Zod validation, OpenAPI, one error handler.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ERRORS } from '@gonghui/common';
import { AppError, validationMessage } from './errors.ts';
import { loggerOptions } from './logger.ts';

export type App = FastifyInstance;

export interface HttpOptions {
  logLevel: string;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed; empty or absent: none. */
  trustProxy?: string[];
}

export async function createHttpApp(opts: HttpOptions) {
  const app = Fastify({
    logger: loggerOptions(opts.logLevel),
    genReqId: () => randomUUID(),
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
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
        err.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' })),
      );
      return reply.status(400).send({ code: 'VALIDATION', message, field });
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message });
    if (e.statusCode === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500 && !isResponseSerializationError(err)) {
      return reply.status(400).send({ code: 'VALIDATION', message: '请求格式有误' });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: ERRORS.INTERNAL.message });
  });

  return app;
}

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;
