/** app.kernel */
package org.convscope.app.kernel;
