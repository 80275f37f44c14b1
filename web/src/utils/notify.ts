// Bridges antd's context-aware message API to code outside components (query cache handlers, forms).
import type { App, FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

let messageApi: MessageInstance | undefined;

export function setMessageApi(api: MessageInstance): void {
  messageApi = api;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败，请稍后再试';
}

export function notifyError(err: unknown): void {
  void messageApi?.error(errorText(err));
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}

export function notifyInfo(text: string): void {
  void messageApi?.info(text, 6);
}

/** Puts a server error on the form field it names, or shows it as a message. Auth redirects stay silent. */
export function showFormError(form: FormInstance | undefined, err: unknown): void {
  if (err instanceof ApiError && (err.status === 401 || err.code === 'PASSWORD_CHANGE_REQUIRED')) return;
  if (form && err instanceof ApiError && err.field) {
    const registered = Object.keys(form.getFieldsValue() as Record<string, unknown>);
    if (registered.includes(err.field)) {
      form.setFields([{ name: err.field, errors: [err.message] }]);
      return;
    }
  }
  notifyError(err);
}
