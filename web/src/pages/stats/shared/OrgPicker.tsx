// The org the statistics pages look at: the user's own by default, any org of the scope by search.
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrg } from '@gonghui/common';
import { OrgSelect } from '../../../components/OrgSelect.tsx';

interface OrgPickerProps {
  org: TOrg;
  /** The user's own org, offered while searching. */
  home: TOrg;
  onChange: (org: TOrg) => void;
  id?: string;
}

export function OrgPicker({ org, home, onChange, id }: OrgPickerProps) {
  const { t } = useTranslation();
  return (
    <Space size={8}>
      <label htmlFor={id} className="filter-label">
        {t('stats.org')}
      </label>
      <OrgSelect
        id={id}
        value={org.id}
        initialOrg={org.id === home.id ? home : org}
        onChange={(_id, picked) => onChange(picked ?? home)}
        style={{ width: 300, maxWidth: 'calc(100vw - 120px)' }}
      />
    </Space>
  );
}
