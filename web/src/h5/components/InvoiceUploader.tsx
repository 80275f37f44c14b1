// Invoice photos of a 医疗互助 claim: POST /h5/attachments one by one (phone camera via `capture`), the ids go into
// the claim. Until the server opens uploads (404) the member is told to submit without them.
import { ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import type { Dispatch, SetStateAction } from 'react';
import { h5Api } from '../api.ts';
import { CASE_LIMITS } from '../case-options.ts';
import { friendlyError, isNotFound } from '../errors.ts';
import { useLang } from '../i18n.tsx';

const ACCEPT = ['image/jpeg', 'image/png', 'application/pdf'];
// A PDF has no picture to preview: a grey tile saying PDF.
const PDF_TILE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80"><rect width="80" height="80" fill="#eee"/><text x="40" y="46" font-size="18" text-anchor="middle" fill="#888" font-family="sans-serif">PDF</text></svg>',
)}`;

export interface InvoiceState {
  items: ImageUploadItem[];
  uploading: number;
  closed: boolean;
}

/** The attachment ids of the uploaded items. */
export const attachmentIds = (items: ImageUploadItem[]): number[] =>
  items.map((i) => (i.extra as { id?: unknown } | undefined)?.id).filter((id): id is number => typeof id === 'number');

export function InvoiceUploader({ state, setState }: { state: InvoiceState; setState: Dispatch<SetStateAction<InvoiceState>> }) {
  const { t } = useLang();
  if (state.closed) return <div className="h5-notice">{t('uploadClosed')}</div>;

  const beforeUpload = (file: File) => {
    if (!ACCEPT.includes(file.type)) {
      Toast.show({ content: t('fileType') });
      return null;
    }
    if (file.size > CASE_LIMITS.attachmentBytes) {
      Toast.show({ content: t('fileTooLarge') });
      return null;
    }
    return file;
  };
  const upload = async (file: File): Promise<ImageUploadItem> => {
    try {
      const f = await h5Api.upload(file);
      const url = file.type === 'application/pdf' ? PDF_TILE : URL.createObjectURL(file);
      return { key: f.id, url, extra: { id: f.id, name: f.name } };
    } catch (e) {
      if (isNotFound(e)) setState((s) => ({ ...s, closed: true }));
      else Toast.show({ icon: 'fail', content: friendlyError(e, t) });
      throw e;
    }
  };
  return (
    <>
      <ImageUploader
        value={state.items}
        onChange={(items) => setState((s) => ({ ...s, items }))}
        onUploadQueueChange={(tasks) => setState((s) => ({ ...s, uploading: tasks.filter((x) => x.status === 'pending').length }))}
        upload={upload}
        beforeUpload={beforeUpload}
        accept={ACCEPT.join(',')}
        capture="environment"
        multiple
        maxCount={CASE_LIMITS.attachments}
        onCountExceed={() => Toast.show({ content: t('tooManyFiles', { n: CASE_LIMITS.attachments }) })}
        showFailed={false}
      />
      <p className="h5-hint">{t('invoiceHint')}</p>
    </>
  );
}
