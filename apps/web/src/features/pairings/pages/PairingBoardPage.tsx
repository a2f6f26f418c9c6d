import { SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { childCategoryLabels } from '@shouwang/shared/enums/children';
import type { PairingBoardView } from '@shouwang/shared/schemas/pairings';
import { Button, Card, Checkbox, Col, Empty, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { SchoolSelect, useSchoolChoice } from '../../orgs/components/SchoolSelect';
import { usePairingBoard } from '../api';
import { BulkPairDrawer } from '../components/BulkPairDrawer';
import { HelperLoadList } from '../components/HelperLoadList';

const rowStyle = {
  display: 'flex',
  padding: '12px 0',
  borderBottom: '1px solid rgba(5,5,5,0.06)',
  width: '100%',
} as const;

/** A child of the board: name, class and categories. */
function ChildLine({
  child,
  label,
}: {
  child: PairingBoardView['unpairedChildren'][number];
  label: ReturnType<typeof useCodeLabels>['label'];
}) {
  return (
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
  );
}

/**
 * 结对看板: the school's unpaired children, each helper's load, and pairing in bulk. County
 * administrators and township supervisors pick one of their schools and see it read-only.
 */
export function PairingBoardPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { label } = useCodeLabels();
  const choice = useSchoolChoice();
  const { schoolId } = choice;
  const board = usePairingBoard(schoolId);
  const [selected, setSelected] = useState<string[]>([]);
  const [drawer, setDrawer] = useState<{ key: number; open: boolean } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another school starts a new selection
  useEffect(() => setSelected([]), [schoolId]);

  if (choice.loading) return <Skeleton active />;
  if (!schoolId) return <Result status="info" title={t('care.pairing.title')} subTitle={t('care.pairing.noSchool')} />;

  const children = board.data?.unpairedChildren ?? [];
  const canAssign = board.data?.abilities.assign === true;
  const toggle = (id: string, on: boolean) => setSelected(on ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <div style={{ paddingBottom: selected.length && isMobile ? 72 : 0 }}>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.pairing.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          <SchoolSelect choice={choice} />
          {board.data?.abilities.handover && (
            <Link to={`/pairings/holiday?school=${schoolId}`}>
              <Button icon={<SwapOutlined />} data-testid="holiday-handover-open">
                {t('careAdmin.handover.open')}
              </Button>
            </Link>
          )}
        </Flex>
      </Flex>
      {board.data && !canAssign && (
        <Typography.Paragraph type="secondary" data-testid="pairing-read-only">
          {t('careAdmin.handover.readOnly')}
        </Typography.Paragraph>
      )}
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
                canAssign &&
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
                    {canAssign ? (
                      <Checkbox
                        checked={selected.includes(child.id)}
                        onChange={(e) => toggle(child.id, e.target.checked)}
                        style={rowStyle}
                      >
                        <ChildLine child={child} label={label} />
                      </Checkbox>
                    ) : (
                      <div style={rowStyle}>
                        <ChildLine child={child} label={label} />
                      </div>
                    )}
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
