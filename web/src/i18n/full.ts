// The console's full text and dayjs's locale, added to i18next when the console chunk loads (before any console
// page renders); the login page's own text is already there (index.ts).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n, { onLanguage } from './index.ts';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
onLanguage((lang) => dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en'));
