// "/" (工作台): the cadre's 待办 first, then a few key figures of their union. One column on a phone, two on a wide screen.
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.ts';
import { OrgFigures } from './OrgFigures.tsx';
import { TodoList } from './TodoList.tsx';

export function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="workbench">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('workbench.greeting', { name: me.user.displayName ?? me.user.username })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <TodoList />
        </Col>
        <Col xs={24} xl={10}>
          <OrgFigures />
        </Col>
      </Row>
    </div>
  );
}
