export { defineModule, type ModuleContext, type ModuleServices, type ServerModule, type ServerSettings } from './contract.ts';
export { startModules, type Assembled } from './assemble.ts';
export { PLATFORM_TABLES } from './platform-tables.ts';
