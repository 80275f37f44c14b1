export { createHttpApp, type HttpApp } from './app.ts';
export { AppError, notFound, forbidden, invalid, conflict, labelOf } from './errors.ts';
