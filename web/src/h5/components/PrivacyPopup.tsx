// The privacy notice (version v1) in a bottom popup.
import { Button, Popup } from 'antd-mobile';
import { useLang } from '../i18n.tsx';
import { PRIVACY_NOTICE } from '../privacy.ts';

export function PrivacyPopup({ visible, onClose, onAgree }: { visible: boolean; onClose: () => void; onAgree?: () => void }) {
  const { t, lang } = useLang();
  const notice = PRIVACY_NOTICE[lang];
  return (
    <Popup
      visible={visible}
      onMaskClick={onClose}
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '80vh', overflow: 'auto' }}
    >
      <div className="h5-privacy" style={{ padding: 16 }}>
        <h3 style={{ marginTop: 0 }}>{notice.title}</h3>
        {notice.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <Button
          block
          color="primary"
          onClick={() => {
            onAgree?.();
            onClose();
          }}
        >
          {onAgree ? t('agree') : t('confirm')}
        </Button>
      </div>
    </Popup>
  );
}
