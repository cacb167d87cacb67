/** Conversion type derived from the event name (DESIGN §4 aliases). */
import { describe, expect, it } from 'vitest';
import { deriveConversionType } from '../../../src/event/eventType';

describe('deriveConversionType', () => {
  it.each([
    ['Purchase', 'OFF_AMAZON_PURCHASES'],
    ['CompletePayment', 'OFF_AMAZON_PURCHASES'],
    ['PlaceAnOrder', 'OFF_AMAZON_PURCHASES'],
    ['purchase', 'OFF_AMAZON_PURCHASES'],
    ['off_amazon_purchases', 'OFF_AMAZON_PURCHASES'],
    ['AddToCart', 'ADD_TO_SHOPPING_CART'],
    ['add_to_cart', 'ADD_TO_SHOPPING_CART'],
    ['Add to shopping cart', 'ADD_TO_SHOPPING_CART'],
    ['InitiateCheckout', 'CHECKOUT'],
    ['begin_checkout', 'CHECKOUT'],
    ['AddPaymentInfo', 'CHECKOUT'],
    ['CompleteRegistration', 'SIGN_UP'],
    ['sign_up', 'SIGN_UP'],
    ['Subscribe', 'SUBSCRIBE'],
    ['Contact', 'CONTACT'],
    ['Lead', 'LEAD'],
    ['SubmitForm', 'LEAD'],
    ['generate_lead', 'LEAD'],
    ['SubmitApplication', 'APPLICATION'],
    ['Search', 'SEARCH'],
    ['search', 'SEARCH'],
    ['ViewContent', 'PAGE_VIEW'],
    ['PageView', 'PAGE_VIEW'],
    ['page_view', 'PAGE_VIEW'],
    ['MOBILE-APP-FIRST-START', 'MOBILE_APP_FIRST_START'],
    ['Download', 'OTHER'],
    ['AddToWishlist', 'OTHER']
  ])('%s → %s', (name, type) => {
    expect(deriveConversionType(name)).toBe(type);
  });
});
