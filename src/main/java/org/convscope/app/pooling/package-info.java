/** app.pooling */
package org.convscope.app.pooling;
