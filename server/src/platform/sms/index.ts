export {
  capturingSender,
  createMessageSender,
  httpSender,
  logSender,
  noSender,
  SMS_HTTP_TIMEOUT_MS_DEFAULT,
  type MessageSender,
  type SenderLog,
  type SmsSenderKind,
  type SmsSettings,
} from './sender.ts';
