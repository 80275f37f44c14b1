// 申请入会: applicant, employer, and the union to join — or 「我的单位还没有工会」 with the street/community instead.
import { Button, Form, Input, Result, Switch, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { h5Api, type JoinCreated, type OrgHit } from '../api.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { Page } from '../components/Page.tsx';
import { friendlyError } from '../errors.ts';
import { useLang } from '../i18n.tsx';
import { H5_BASE } from '../paths.ts';
import { idRule, phoneRule, usccRule } from '../rules.ts';
import { saveApplication, statusPath } from '../storage.ts';
import { normalizeInput, normalizePhone } from '../validate.ts';

interface JoinForm {
  name: string;
  idNumber: string;
  phone: string;
  employerName: string;
  employerUscc?: string;
  noUnion?: boolean;
  org?: OrgHit | null;
}

export function JoinPage() {
  const { t } = useLang();
  const navigate = useNavigate();
  const [form] = Form.useForm<JoinForm>();
  const [noUnion, setNoUnion] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<JoinCreated | null>(null);

  const onFinish = async (v: JoinForm) => {
    if (!v.org) return;
    setBusy(true);
    try {
      const uscc = v.employerUscc ? normalizeInput(v.employerUscc) : '';
      const created = await h5Api.applyJoin({
        name: v.name.trim(),
        idNumber: normalizeInput(v.idNumber),
        phone: normalizePhone(v.phone),
        employerName: v.employerName.trim(),
        ...(uscc ? { employerUscc: uscc } : {}),
        ...(noUnion ? { noUnion: true, areaOrgId: v.org.id } : { orgId: v.org.id }),
      });
      saveApplication(created.number, created.statusToken);
      setDone(created);
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    const path = statusPath(done.number, done.statusToken);
    const link = `${window.location.origin}${H5_BASE}${path}`;
    const copy = () => {
      navigator.clipboard?.writeText(link).then(
        () => Toast.show({ content: t('copied') }),
        () => undefined,
      );
    };
    return (
      <Page title={t('joinTitle')}>
        <Result
          status="success"
          title={t('joinSubmitted')}
          description={
            <>
              {t('applicationNumber')}：<span data-testid="join-number">{done.number}</span>
            </>
          }
        />
        <p className="h5-hint">{t('statusLinkHint')}</p>
        <div className="h5-link-box">{link}</div>
        <div className="h5-actions">
          <Button block color="primary" onClick={() => void navigate(path)}>
            {t('viewStatus')}
          </Button>
          <Button block onClick={copy}>
            {t('copyLink')}
          </Button>
          <Link to="/">{t('home')}</Link>
        </div>
      </Page>
    );
  }

  const req = (field: string) => ({ required: true, message: t('required', { field }) });
  return (
    <Page title={t('joinTitle')}>
      <p className="h5-hint">{t('joinHint')}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: JoinForm) => void onFinish(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('submit')}
          </Button>
        }
      >
        <Form.Item name="name" label={t('name')} rules={[req(t('name'))]}>
          <Input maxLength={50} clearable />
        </Form.Item>
        <Form.Item name="idNumber" label={t('idNumber')} rules={[req(t('idNumber')), { validator: idRule(t('errIdNumber')) }]}>
          <Input placeholder={t('idNumberPlaceholder')} maxLength={20} clearable autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={[req(t('phone')), { validator: phoneRule(t('errPhone')) }]}>
          <Input type="tel" placeholder={t('phonePlaceholder')} maxLength={15} clearable />
        </Form.Item>
        <Form.Item name="employerName" label={t('employerName')} rules={[req(t('employerName'))]}>
          <Input placeholder={t('employerNamePlaceholder')} maxLength={100} clearable />
        </Form.Item>
        <Form.Item name="employerUscc" label={t('employerUscc')} rules={[{ validator: usccRule(t('errUscc')) }]}>
          <Input maxLength={18} clearable autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="noUnion"
          label={t('noUnion')}
          layout="horizontal"
          childElementPosition="right"
          valuePropName="checked"
          style={{ '--prefix-width': '12em' }}
        >
          <Switch
            onChange={(on) => {
              setNoUnion(on);
              form.setFieldValue('org', null);
            }}
          />
        </Form.Item>
        <Form.Item
          name="org"
          label={noUnion ? t('pickArea') : t('pickUnion')}
          rules={[{ required: true, message: noUnion ? t('pickAreaRequired') : t('pickUnionRequired') }]}
          arrowIcon
        >
          <OrgPicker placeholder={t('pleasePick')} />
        </Form.Item>
      </Form>
    </Page>
  );
}
