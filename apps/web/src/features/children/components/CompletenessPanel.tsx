import { type CompletenessField, completenessFieldLabels } from '@shouwang/shared/completeness';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { Alert, Button, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../hooks/useCodeLabels';

/** Where a missing item is filled in: the archive form, the parents tab or the guardians tab. */
export type CompletenessTarget = 'form' | 'family' | 'guardians';

export function targetOf(field: CompletenessField): CompletenessTarget {
  if (field === 'parentWorkPlace') return 'family';
  if (field.startsWith('entrustedGuardian')) return 'guardians';
  return 'form';
}

/** What the national form still needs, each item a link to where it is filled in. */
export function CompletenessPanel({
  child,
  onFix,
}: {
  child: ChildView;
  /** Opens where the item is filled in; `field` is the missing item. */
  onFix?: (target: CompletenessTarget, field?: CompletenessField) => void;
}) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const { complete, missing } = child.completeness;
  if (complete)
    return (
      <Alert
        type="success"
        showIcon
        title={t('children.completeness.titleComplete')}
        style={{ marginBottom: 16 }}
        data-testid="child-completeness"
      />
    );
  const targets = [...new Set(missing.map(targetOf))];
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="child-completeness"
      title={t('children.completeness.title', { count: missing.length })}
      description={
        <>
          <div style={{ marginBottom: 8 }}>{t('children.completeness.description')}</div>
          <Flex wrap gap={6}>
            {missing.map((field) =>
              onFix ? (
                <Tag
                  key={field}
                  color="orange"
                  style={{ cursor: 'pointer', marginInlineEnd: 0, padding: '2px 8px' }}
                  onClick={() => onFix(targetOf(field), field)}
                >
                  {label(completenessFieldLabels, field)}
                </Tag>
              ) : (
                <Tag key={field} color="orange" style={{ marginInlineEnd: 0 }}>
                  {label(completenessFieldLabels, field)}
                </Tag>
              ),
            )}
          </Flex>
          {onFix && (
            <Button
              type="primary"
              size="small"
              style={{ marginTop: 10 }}
              onClick={() => onFix(targets[0] ?? 'form', missing[0])}
              data-testid="child-completeness-fix"
            >
              {t('children.completeness.fix')}
            </Button>
          )}
        </>
      }
    />
  );
}
