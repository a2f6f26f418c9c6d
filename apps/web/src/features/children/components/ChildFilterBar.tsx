import { FilterOutlined } from '@ant-design/icons';
import {
  careLevelLabels,
  careLevels,
  childCategories,
  childCategoryLabels,
  enrollmentStatuses,
  enrollmentStatusLabels,
} from '@shouwang/shared/enums/children';
import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { Badge, Button, Card, Checkbox, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import type { ChildFilters } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';

const isSchool = (org: OrgView) => org.kind === 'school';
const isVillage = (org: OrgView) => org.kind === 'village';

/** Search box and the list's server-side filters; on phones the filters fold out on request. */
export function ChildFilterBar({
  filters,
  onChange,
}: {
  filters: ChildFilters;
  onChange: (change: Partial<ChildFilters>) => void;
}) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  const isMobile = useIsMobile();
  const [search, setSearch] = useState(filters.q ?? '');
  const [show, setShow] = useState(false);
  const active = [
    filters.schoolId,
    filters.classId,
    filters.villageId,
    filters.category,
    filters.careLevel,
    filters.enrollmentStatus,
    filters.incomplete,
    filters.parentUnreachable,
    filters.noEntrustment,
  ].filter(Boolean).length;
  const open = !isMobile || show;
  const inSchool = (org: OrgView) => org.kind === 'class' && (!filters.schoolId || org.path.includes(filters.schoolId));

  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
      <Flex
        wrap
        gap={12}
        style={
          isMobile
            ? undefined
            : { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', alignItems: 'center' }
        }
      >
        <Input.Search
          allowClear
          size={isMobile ? 'large' : 'middle'}
          placeholder={isMobile ? t('children.searchShort') : t('children.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) onChange({ q: undefined });
          }}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          style={isMobile ? { flex: '1 1 160px' } : { gridColumn: 'span 2' }}
          data-testid="child-search"
        />
        {isMobile && (
          <Badge count={active} size="small" color="#1f7a5c">
            <Button
              size="large"
              icon={<FilterOutlined />}
              onClick={() => setShow((v) => !v)}
              aria-expanded={open}
              data-testid="child-filters-toggle"
            >
              {t('children.filters')}
            </Button>
          </Badge>
        )}
        {open && (
          <>
            <OrgTreeSelect
              allowClear
              placeholder={t('children.filter.school')}
              selectable={isSchool}
              kinds={['school']}
              value={filters.schoolId}
              onChange={(schoolId) => onChange({ schoolId, classId: undefined })}
              style={{ flex: '1 1 180px' }}
            />
            <OrgTreeSelect
              allowClear
              placeholder={t('children.filter.class')}
              selectable={inSchool}
              kinds={['class']}
              value={filters.classId}
              onChange={(classId) => onChange({ classId })}
              style={{ flex: '1 1 180px' }}
            />
            <OrgTreeSelect
              allowClear
              placeholder={t('children.filter.village')}
              selectable={isVillage}
              kinds={['village']}
              value={filters.villageId}
              onChange={(villageId) => onChange({ villageId })}
              style={{ flex: '1 1 180px' }}
            />
            <Select
              allowClear
              placeholder={t('children.filter.category')}
              value={filters.category}
              onChange={(category) => onChange({ category })}
              options={options(childCategoryLabels, childCategories)}
              popupMatchSelectWidth={false}
              style={{ flex: '1 1 180px', minWidth: 0 }}
            />
            <Select
              allowClear
              placeholder={t('children.filter.careLevel')}
              value={filters.careLevel}
              onChange={(careLevel) => onChange({ careLevel })}
              options={options(careLevelLabels, careLevels)}
              style={{ flex: '1 1 130px' }}
            />
            <Select
              allowClear
              placeholder={t('children.filter.enrollmentStatus')}
              value={filters.enrollmentStatus}
              onChange={(enrollmentStatus) => onChange({ enrollmentStatus })}
              options={options(enrollmentStatusLabels, enrollmentStatuses)}
              style={{ flex: '1 1 130px' }}
            />
            <Flex
              wrap
              gap={isMobile ? 4 : 16}
              align={isMobile ? 'flex-start' : 'center'}
              style={isMobile ? { flex: '1 1 100%' } : { gridColumn: '1 / -1' }}
              vertical={isMobile}
            >
              {(['incomplete', 'parentUnreachable', 'noEntrustment'] as const).map((key) => (
                <Checkbox
                  key={key}
                  checked={!!filters[key]}
                  onChange={(e) => onChange({ [key]: e.target.checked || undefined })}
                  style={isMobile ? { padding: '6px 0' } : undefined}
                  data-testid={`child-filter-${key}`}
                >
                  {t(`children.filter.${key}`)}
                </Checkbox>
              ))}
              {active > 0 && (
                <Button
                  type="link"
                  onClick={() =>
                    onChange({
                      schoolId: undefined,
                      classId: undefined,
                      villageId: undefined,
                      category: undefined,
                      careLevel: undefined,
                      enrollmentStatus: undefined,
                      incomplete: undefined,
                      parentUnreachable: undefined,
                      noEntrustment: undefined,
                    })
                  }
                  style={{ paddingInline: 0 }}
                >
                  {t('children.clearFilters')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  );
}
