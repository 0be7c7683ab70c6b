// Vue 3: the same template works in a single-file component. `.fetcher` binds a property,
// `@import-done` listens to the element's event, and `isCustomElement` (compiler option, see
// main.ts) stops Vue from resolving <dns-import-status> as a Vue component.
import 'dns-import-status';
import type { ImportDoneEvent, ImportTask, ImportTaskFetcher } from 'dns-import-status';
import { defineComponent, type PropType } from 'vue';

export const ImportStatusPanel = defineComponent({
  name: 'ImportStatusPanel',
  props: {
    zoneId: { type: String, required: true },
    fetcher: { type: Function as PropType<ImportTaskFetcher>, required: true },
  },
  emits: { done: (_task: ImportTask) => true },
  methods: {
    onImportDone(event: ImportDoneEvent) {
      this.$emit('done', event.detail.task);
    },
  },
  template: `<dns-import-status :zone-id="zoneId" .fetcher="fetcher" @import-done="onImportDone"></dns-import-status>`,
});
