import { describeEveryStory } from './every-story.js';

describeEveryStory(1);
