// The in-app inbox (通知): every cadre reads their own; nothing to grant, nothing audited.
import { defineCatalogue } from './define.ts';

export const notificationsCatalogue = defineCatalogue({ key: 'notifications', label: '通知' });
