import { TeamOutlined } from '@ant-design/icons';
import { childCategoryLabels } from '@shouwang/shared/enums/children';
import { Button, Card, Checkbox, Col, Empty, Flex, Result, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { usePairingBoard } from '../api';
import { BulkPairDrawer } from '../components/BulkPairDrawer';
import { HelperLoadList } from '../components/HelperLoadList';

/** 结对看板: the school's unpaired children, each helper's load, and pairing in bulk. */
export function PairingBoardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const isMobile = useIsMobile();
  const { label } = useCodeLabels();
  const schools = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of me.roles) if (r.orgKind === 'school') seen.set(r.orgId, r.orgName);
    return [...seen].map(([value, name]) => ({ value, label: name }));
  }, [me.roles]);
  const [schoolId, setSchoolId] = useState(schools[0]?.value);
  const board = usePairingBoard(schoolId);
  const [selected, setSelected] = useState<string[]>([]);
  const [drawer, setDrawer] = useState<{ key: number; open: boolean } | null>(null);

  if (!schoolId) return <Result status="info" title={t('care.pairing.title')} subTitle={t('care.pairing.noSchool')} />;

  const children = board.data?.unpairedChildren ?? [];
  const toggle = (id: string, on: boolean) => setSelected(on ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <div style={{ paddingBottom: selected.length && isMobile ? 72 : 0 }}>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.pairing.title')}
        </Typography.Title>
        {schools.length > 1 && (
          <Select
            value={schoolId}
            options={schools}
            onChange={(v) => {
              setSchoolId(v);
              setSelected([]);
            }}
            style={{ minWidth: 200 }}
            aria-label={t('care.pairing.school')}
          />
        )}
      </Flex>
      {board.isPending ? (
        <Skeleton active />
      ) : board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card
              title={`${t('care.pairing.unpaired')} · ${children.length}`}
              extra={
                children.length > 0 && (
                  <Button
                    type="link"
                    onClick={() => setSelected(selected.length === children.length ? [] : children.map((c) => c.id))}
                  >
                    {selected.length === children.length ? t('care.pairing.clear') : t('care.pairing.selectAll')}
                  </Button>
                )
              }
              styles={{ body: { paddingBlock: 8 } }}
            >
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('care.pairing.unpairedHint')}
              </Typography.Text>
              {children.length === 0 ? (
                <Empty description={t('care.pairing.noUnpaired')} />
              ) : (
                children.map((child) => (
                  <div key={child.id} data-testid="unpaired-child" data-checked={selected.includes(child.id)}>
                    <Checkbox
                      checked={selected.includes(child.id)}
                      onChange={(e) => toggle(child.id, e.target.checked)}
                      style={{
                        display: 'flex',
                        padding: '12px 0',
                        borderBottom: '1px solid rgba(5,5,5,0.06)',
                        width: '100%',
                      }}
                    >
                      <Flex vertical gap={2}>
                        <Typography.Text strong>{child.name}</Typography.Text>
                        <Flex gap={4} wrap>
                          {child.className && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {child.className}
                            </Typography.Text>
                          )}
                          {child.categories.map((c) => (
                            <Tag key={c} style={{ fontSize: 11, marginInlineEnd: 0 }}>
                              {label(childCategoryLabels, c)}
                            </Tag>
                          ))}
                        </Flex>
                      </Flex>
                    </Checkbox>
                  </div>
                ))
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              title={`${t('care.pairing.helpers')} · ${board.data.helpers.length}`}
              extra={t('care.pairing.load')}
              styles={{ body: { paddingTop: 0, paddingBottom: 8 } }}
            >
              <HelperLoadList helpers={board.data.helpers} />
            </Card>
          </Col>
        </Row>
      )}
      {selected.length > 0 && (
        <Flex
          align="center"
          justify="space-between"
          gap={8}
          style={{
            position: 'sticky',
            bottom: 0,
            marginTop: 16,
            padding: 12,
            background: '#fff',
            borderRadius: 10,
            boxShadow: '0 -2px 12px rgba(0,0,0,0.08)',
            zIndex: 5,
          }}
        >
          <Typography.Text strong data-testid="pairing-selected">
            {t('care.pairing.selected', { count: selected.length })}
          </Typography.Text>
          <Button
            type="primary"
            size="large"
            icon={<TeamOutlined />}
            data-testid="pairing-assign"
            onClick={() => setDrawer({ key: Date.now(), open: true })}
          >
            {t('care.pairing.assign')}
          </Button>
        </Flex>
      )}
      {drawer && board.data && (
        <BulkPairDrawer
          key={drawer.key}
          open={drawer.open}
          childIds={selected}
          childNames={children.filter((c) => selected.includes(c.id)).map((c) => c.name)}
          helpers={board.data.helpers}
          onClose={() => setDrawer({ ...drawer, open: false })}
          onDone={() => {
            setDrawer({ ...drawer, open: false });
            setSelected([]);
          }}
        />
      )}
    </div>
  );
}
