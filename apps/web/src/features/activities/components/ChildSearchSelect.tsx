import { leftBehindCategories } from '@shouwang/shared/enums/children';
import { Select, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChildren } from '../../children/api';

export interface PickedChild {
  id: string;
  name: string;
  leftBehind: boolean;
  className?: string | null;
}

/** Finds children in the caller's scope by name or pinyin; left-behind children carry a tag. */
export function ChildSearchSelect({
  onPick,
  exclude,
  testId,
}: {
  onPick: (child: PickedChild) => void;
  exclude: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const children = useChildren({ q: deferred || undefined, page: 1, pageSize: 30 });
  const items = (children.data?.items ?? []).filter((c) => !exclude.includes(c.id));
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={null}
      placeholder={t('activities.searchChild')}
      loading={children.isFetching}
      style={{ width: '100%' }}
      data-testid={testId}
      onChange={(id) => {
        const c = items.find((i) => i.id === id);
        if (!c) return;
        onPick({
          id: c.id,
          name: c.name,
          leftBehind: c.categories.some((cat) => leftBehindCategories.includes(cat)),
          className: c.class?.name ?? null,
        });
        setQ('');
      }}
      options={items.map((c) => ({
        value: c.id,
        label: (
          <span>
            {c.name}
            <span style={{ color: 'rgba(0,0,0,0.45)', marginInlineStart: 8 }}>{c.class?.name ?? c.village?.name}</span>
            {c.categories.some((cat) => leftBehindCategories.includes(cat)) && (
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {t('activities.leftBehind')}
              </Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}
