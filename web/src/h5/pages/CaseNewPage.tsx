// 新建申请: pick a type (?type=… in the URL so the back button returns to the picker), then its form. The applicant
// is shown read-only from GET /h5/me; POST /h5/cases answers the new case, whose detail page opens in place.
import { Button, Dialog, ErrorBlock, Form, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { H5ApiError, h5Api } from '../api.ts';
import { CASE_TYPES, TYPE_OPTIONS, isCaseType, typeLabel, type MemberCaseType } from '../case-options.ts';
import { buildSubmit, type CaseFormValues } from '../case-submit.ts';
import { CaseFormFields } from '../components/CaseFormFields.tsx';
import { InvoiceUploader, attachmentIds, type InvoiceState } from '../components/InvoiceUploader.tsx';
import { Page } from '../components/Page.tsx';
import { Loading, NeedLogin } from '../components/States.tsx';
import { friendlyError, isUnauthorized } from '../errors.ts';
import { useLang } from '../i18n.tsx';
import { useSession } from '../session.tsx';

/** The form's own field names: a server message about one of them goes under the field. */
const FORM_FIELDS = new Set<string>([
  'householdSize',
  'incomePerHead',
  'causes',
  'narrative',
  'kind',
  'hospital',
  'visitDate',
  'amount',
  'diagnosis',
  'category',
  'employerName',
  'content',
] satisfies (keyof CaseFormValues)[]);

/** Long forms on a phone: bring the first message into view. */
const scrollToError = () =>
  setTimeout(() => document.querySelector('.adm-form-item-feedback-error')?.scrollIntoView({ block: 'center' }), 50);

function TypePicker({ onPick }: { onPick: (type: MemberCaseType) => void }) {
  const { t, lang } = useLang();
  return (
    <List header={t('caseTypePick')} className="h5-section">
      {CASE_TYPES.map((type) => (
        <List.Item
          key={type}
          onClick={() => onPick(type)}
          description={lang === 'en' ? TYPE_OPTIONS[type].hintEn : TYPE_OPTIONS[type].hintZh}
        >
          {typeLabel(type, lang)}
        </List.Item>
      ))}
    </List>
  );
}

function Applicant() {
  const { t } = useLang();
  const { me } = useSession();
  if (!me) return null;
  return (
    <List header={t('applicant')} className="h5-section">
      <List.Item extra={me.name}>{t('name')}</List.Item>
      <List.Item extra={me.idMasked}>{t('idNumber')}</List.Item>
      <List.Item extra={me.orgName ?? '—'}>{t('union')}</List.Item>
      <List.Item description={t('applicantHint')} />
    </List>
  );
}

function CaseForm({ type }: { type: MemberCaseType }) {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [form] = Form.useForm<CaseFormValues>();
  const [busy, setBusy] = useState(false);
  const [invoices, setInvoices] = useState<InvoiceState>({ items: [], uploading: 0, closed: false });

  const onFinish = async (values: CaseFormValues) => {
    if (invoices.uploading > 0) {
      Toast.show({ content: t('stillUploading') });
      return;
    }
    setBusy(true);
    try {
      const created = await h5Api.submitCase(buildSubmit(type, values, attachmentIds(invoices.items)));
      Toast.show({ icon: 'success', content: t('caseSubmitted') });
      void navigate(`/cases/${created.id}`, { replace: true });
    } catch (e) {
      if (isUnauthorized(e)) void navigate('/login');
      const message = friendlyError(e, t);
      // A 400 naming one of the form's fields shows under it; anything else (409: not enrolled, already filed…) in a dialog.
      const field = e instanceof H5ApiError ? e.field : undefined;
      if (field && FORM_FIELDS.has(field)) {
        form.setFields([{ name: field, errors: [message] }]);
        scrollToError();
      } else if (e instanceof H5ApiError && e.status === 409) {
        await Dialog.alert({ content: message, confirmText: t('confirm') });
      } else {
        Toast.show({ icon: 'fail', content: message, duration: 3000 });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      className="h5-section"
      onFinish={(v: CaseFormValues) => void onFinish(v)}
      onFinishFailed={scrollToError}
      footer={
        <Button block type="submit" color="primary" size="large" loading={busy}>
          {t('submitCase')}
        </Button>
      }
    >
      <Form.Header>{typeLabel(type, lang)}</Form.Header>
      <CaseFormFields type={type} />
      {type === 'mutual_aid_claim' && (
        <Form.Item label={t('invoices')}>
          <InvoiceUploader state={invoices} setState={setInvoices} />
        </Form.Item>
      )}
    </Form>
  );
}

export function CaseNewPage() {
  const { t } = useLang();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const type = params.get('type');

  let body;
  if (me === undefined) body = <Loading />;
  else if (me === null) body = <NeedLogin />;
  else if (!type) body = <TypePicker onPick={(picked) => setParams({ type: picked })} />;
  else if (!isCaseType(type)) body = <ErrorBlock status="empty" title={t('typeNotOpen')} description="" />;
  else {
    body = (
      <>
        <Applicant />
        <CaseForm key={type} type={type} />
      </>
    );
  }
  return <Page title={t('newCase')}>{body}</Page>;
}
