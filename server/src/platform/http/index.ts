export { createHttpApp, type HttpApp } from './app.ts';
export { AppError, notFound, forbidden, invalid, conflict, labelOf, validationMessage } from './errors.ts';
export { routeInventory, isDocsRoute, type RouteEntry } from './routes.ts';
export { serializeError, type LogStream } from './logger.ts';
export { appErrorFromDb, duplicate, ruleMessage } from './db-errors.ts';
export { sendXlsx, streamXlsx, type XlsxNames } from './xlsx-reply.ts';
