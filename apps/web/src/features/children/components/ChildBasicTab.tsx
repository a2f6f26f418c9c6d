import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import {
  aidMeasureLabels,
  boardingStatusLabels,
  childCategoryLabels,
  disabilityCategoryLabels,
  disabilityGradeLabels,
  enrollmentStatusLabels,
  gradeLabel,
  guardianshipTypeLabels,
  healthStatusLabels,
  housingConditionLabels,
  hukouTypeLabels,
  incomeSourceLabels,
  schoolingStatusLabels,
  sexLabels,
} from '@shouwang/shared/enums/children';
import { ethnicityLabels } from '@shouwang/shared/enums/ethnicities';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { Button, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../../../components/lazyPart';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useCodeLabels } from '../hooks/useCodeLabels';
import type { CategoryDrawerMode } from './CategoryDrawer';
import { IdNumberReveal } from './IdNumberReveal';

// The drawers (date pickers, selects) download when first opened.
const CategoryDrawer = lazyPart(async () => (await import('./CategoryDrawer')).CategoryDrawer, null);
const EnrollmentDrawer = lazyPart(async () => (await import('./EnrollmentDrawer')).EnrollmentDrawer, null);

/** 基本信息: identity, schooling, family situation, growth notes, categories and enrollment history. */
export function ChildBasicTab({ child }: { child: ChildView }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const isMobile = useIsMobile();
  const categoryDrawer = useDrawerState<CategoryDrawerMode>();
  const enrollmentDrawer = useDrawerState<null>();
  const canEdit = child.abilities.update === true;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const show = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);
  const yesNo = (value: boolean | null) => (value === null ? none : value ? t('common.yes') : t('common.no'));
  const list = (values: string[]) => (values.length ? values.join(t('common.listSeparator')) : none);
  const columns = isMobile ? 1 : 2;
  const section = (title: string, items: { key: string; label: string; children: ReactNode; span?: number }[]) => (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={columns} items={items} />
    </Card>
  );
  const f = (key: string) => t(`children.fields.${key}`);
  const openCategories = child.categoryHistory.filter((c) => !c.endDate);

  return (
    <>
      {section(t('children.basic.identity'), [
        { key: 'name', label: f('name'), children: child.name },
        { key: 'sex', label: f('sex'), children: show(label(sexLabels, child.sex)) },
        { key: 'birthDate', label: f('birthDate'), children: show(child.birthDate) },
        { key: 'ethnicity', label: f('ethnicity'), children: show(label(ethnicityLabels, child.ethnicity)) },
        {
          key: 'idNumber',
          label: f('idNumber'),
          children: (
            <IdNumberReveal
              childId={child.id}
              masked={child.idNumberMasked}
              canReveal={child.abilities.readIdNumber === true}
            />
          ),
        },
        { key: 'hukouRegistered', label: f('hukouRegistered'), children: yesNo(child.hukouRegistered) },
        { key: 'hukouType', label: f('hukouType'), children: show(label(hukouTypeLabels, child.hukouType)) },
        { key: 'hukouLocation', label: f('hukouLocation'), children: show(child.hukouLocation) },
        { key: 'currentAddress', label: f('currentAddress'), children: show(child.currentAddress) },
        { key: 'village', label: f('village'), children: show(child.village?.name) },
      ])}
      {section(t('children.basic.school'), [
        { key: 'school', label: f('school'), children: show(child.school?.name) },
        { key: 'class', label: f('class'), children: show(child.class?.name) },
        { key: 'grade', label: f('grade'), children: child.grade === null ? none : gradeLabel(child.grade) },
        { key: 'schooling', label: f('schooling'), children: show(label(schoolingStatusLabels, child.schooling)) },
        { key: 'boarding', label: f('boarding'), children: show(label(boardingStatusLabels, child.boarding)) },
        {
          key: 'enrollmentStatus',
          label: f('enrollmentStatus'),
          children: show(label(enrollmentStatusLabels, child.enrollmentStatus)),
        },
      ])}
      {section(t('children.basic.family'), [
        {
          key: 'guardianshipType',
          label: f('guardianshipType'),
          children: show(label(guardianshipTypeLabels, child.guardianshipType)),
        },
        {
          key: 'incomeSources',
          label: f('incomeSources'),
          children: list(child.incomeSources.map((c) => label(incomeSourceLabels, c))),
        },
        {
          key: 'aidMeasures',
          label: f('aidMeasures'),
          children: list(child.aidMeasures.map((c) => label(aidMeasureLabels, c))),
        },
        { key: 'housing', label: f('housing'), children: show(label(housingConditionLabels, child.housing)) },
        { key: 'health', label: f('health'), children: show(label(healthStatusLabels, child.health)) },
        ...(child.disabilityCategory
          ? [
              {
                key: 'disability',
                label: f('disabilityCategory'),
                children: `${label(disabilityCategoryLabels, child.disabilityCategory)} ${label(disabilityGradeLabels, child.disabilityGrade)}`,
              },
            ]
          : []),
        ...(child.illnessType ? [{ key: 'illness', label: f('illnessType'), children: child.illnessType }] : []),
        { key: 'familyNote', label: f('familyNote'), children: show(child.familyNote), span: columns },
        {
          key: 'villageContact',
          label: f('villageContactName'),
          children: show([child.villageContactName, child.villageContactPhone].filter(Boolean).join(' · ')),
          span: columns,
        },
      ])}

      <Card
        size="small"
        title={t('children.basic.categories')}
        style={{ marginBottom: 16 }}
        extra={
          canEdit && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => categoryDrawer.open({ type: 'start', current: openCategories.map((c) => c.category) })}
              data-testid="category-start"
            >
              {t('children.category.start')}
            </Button>
          )
        }
      >
        {child.categoryHistory.length === 0 ? (
          <Typography.Text type="secondary">{t('children.category.none')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={child.categoryHistory}
            renderItem={(c) => (
              <List.Item
                style={{ paddingInline: 0 }}
                actions={
                  canEdit && !c.endDate
                    ? [
                        <Button
                          key="end"
                          size="small"
                          onClick={() => categoryDrawer.open({ type: 'end', categoryId: c.id, category: c.category })}
                          data-testid={`category-end-${c.category}`}
                        >
                          {t('children.category.end')}
                        </Button>,
                      ]
                    : []
                }
              >
                <div style={{ minWidth: 0 }}>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text strong={!c.endDate} type={c.endDate ? 'secondary' : undefined}>
                      {label(childCategoryLabels, c.category)}
                    </Typography.Text>
                    <Tag color={c.endDate ? 'default' : 'green'} style={{ marginInlineEnd: 0 }}>
                      {c.endDate ? t('children.category.ended') : t('children.category.current')}
                    </Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.endDate
                      ? t('children.category.period', { start: c.startDate, end: c.endDate })
                      : t('children.category.since', { date: c.startDate })}
                    {c.note ? ` · ${c.note}` : ''}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('children.basic.enrollment')}
        style={{ marginBottom: 16 }}
        extra={
          canEdit && (
            <Button
              size="small"
              icon={<SwapOutlined />}
              onClick={() => enrollmentDrawer.open(null)}
              data-testid="enrollment-change"
            >
              {t('children.enrollment.change')}
            </Button>
          )
        }
      >
        {child.enrollmentHistory.length === 0 ? (
          <Typography.Text type="secondary">{t('children.enrollment.none')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={child.enrollmentHistory}
            renderItem={(e) => (
              <List.Item style={{ paddingInline: 0 }}>
                <div>
                  <Typography.Text strong>{label(enrollmentStatusLabels, e.status)}</Typography.Text>
                  <Typography.Text type="secondary"> · {e.date}</Typography.Text>
                  {(e.destination || e.note) && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[e.destination, e.note].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      {section(
        t('children.basic.growth'),
        (
          ['personality', 'interests', 'study', 'thinking', 'psychology', 'character', 'healthNote', 'note'] as const
        ).map((key) => ({ key, label: f(key), children: show(child[key]), span: columns })),
      )}

      {categoryDrawer.state && (
        <CategoryDrawer
          key={categoryDrawer.state.key}
          open={categoryDrawer.state.open}
          childId={child.id}
          mode={categoryDrawer.state.subject}
          onClose={categoryDrawer.close}
        />
      )}
      {enrollmentDrawer.state && (
        <EnrollmentDrawer
          key={enrollmentDrawer.state.key}
          open={enrollmentDrawer.state.open}
          childId={child.id}
          current={child.enrollmentStatus}
          onClose={enrollmentDrawer.close}
        />
      )}
    </>
  );
}
